namespace Integration.Emulators.Graph;

/// <summary>What a Graph request asked for, so a benchmark can count requests by the cost SharePoint charges for them.</summary>
public enum RequestKind
{
    /// <summary>Anything not listed below: creates, deletes, unknown routes, file downloads from a content redirect.</summary>
    Other,

    /// <summary><c>GET /sites/{id}</c>.</summary>
    Site,

    /// <summary><c>GET /sites/{id}/lists</c>, one list or its <c>/columns</c>; <c>GET /sites/{id}/drives</c> or one drive.</summary>
    List,

    /// <summary>A page of <c>GET …/items</c> (a plain listing, not delta).</summary>
    Items,

    /// <summary>
    /// <c>GET …/items/{id}</c> or its <c>/fields</c>, outside the User Information List; a drive item, its
    /// <c>/listItem</c> or its <c>/content</c>.
    /// </summary>
    Item,

    /// <summary>Any delta call, list or drive: the first, each nextLink page and each deltaLink.</summary>
    Delta,

    /// <summary><c>PATCH …/items/{id}/fields</c>.</summary>
    FieldsPatch,

    /// <summary>An item GET on the site's User Information List: resolving a person column to a name and email.</summary>
    UserLookup,

    /// <summary>
    /// <c>POST /v1.0/$batch</c>: the envelope only. The operations inside it are logged apart, each under its own kind,
    /// with <see cref="LoggedRequest.BatchId"/> set.
    /// </summary>
    Batch,
}
