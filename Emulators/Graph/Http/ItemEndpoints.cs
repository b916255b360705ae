using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Integration.Emulators.Graph.Http;

/// <summary>List items: paged listing, one item, its fields, create, fields PATCH and delete.</summary>
internal static class ItemEndpoints
{
    public static IResult List(StandInContext context, HttpContext http, string siteId, string listRef)
    {
        if (Prepare(context, http, siteId, listRef, out var list, out var query) is { } error)
        {
            return error;
        }

        var afterId = 0;
        if (http.Request.Query.TryGetValue("$skiptoken", out var skipToken) && !SkipToken.TryDecode(skipToken.ToString(), out afterId))
        {
            return GraphErrors.BadRequest("The $skiptoken is not valid.");
        }

        var page = list!.ReadItems(afterId, query!.PageSize(context.Options.MaxPageSize));
        var links = new ListLinks(context.BaseUrl, list);
        var items = new ItemJsonWriter(list, links, query);
        return new GraphJsonResult(200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.context", links.ItemsContext);
            if (page.NextAfterId is { } lastId)
            {
                writer.WriteString("@odata.nextLink", links.ItemsPage(query, SkipToken.Encode(lastId)));
            }

            writer.WriteStartArray("value");
            foreach (var item in page.Items)
            {
                items.WriteItem(writer, item);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    /// <summary>The segment after <c>/items/</c> is either an item id or one of the delta function forms.</summary>
    public static IResult GetItemOrDelta(StandInContext context, HttpContext http, string siteId, string listRef, string itemRef)
    {
        if (DeltaFeed.IsCall(itemRef, out var pathToken))
        {
            return DeltaEndpoint.Get(context, http, siteId, listRef, pathToken);
        }

        if (Prepare(context, http, siteId, listRef, out var list, out var query) is { } error)
        {
            return error;
        }

        if (FindItem(list!, itemRef, out var item) is { } missing)
        {
            return missing;
        }

        var links = new ListLinks(context.BaseUrl, list!);
        return new GraphJsonResult(200, writer => new ItemJsonWriter(list!, links, query!).WriteItem(writer, item!, links.ItemContext));
    }

    public static IResult GetFields(StandInContext context, HttpContext http, string siteId, string listRef, string itemRef)
    {
        if (Prepare(context, http, siteId, listRef, out var list, out var query) is { } error)
        {
            return error;
        }

        if (FindItem(list!, itemRef, out var item) is { } missing)
        {
            return missing;
        }

        var links = new ListLinks(context.BaseUrl, list!);
        return new GraphJsonResult(200, writer =>
            new ItemJsonWriter(list!, links, query!).WriteFields(writer, item!, links.FieldsContext(item!.Id)));
    }

    /// <summary><c>POST …/items</c> with <c>{"fields":{…}}</c>: 201 with the new item and its fields.</summary>
    public static async Task<IResult> Create(StandInContext context, HttpContext http, string siteId, string listRef)
    {
        if (ListAddress.TryResolve(context, siteId, listRef, out var list) is { } error)
        {
            return error;
        }

        // SharePoint's own answer: a library's items come with their files, through the drive.
        if (list!.Kind == ListKind.DocumentLibrary)
        {
            return GraphErrors.BadRequest("Files and folders should only be added to a DocumentLibrary via the OneDrive API");
        }

        using var body = await ReadObjectAsync(http);
        if (body is null)
        {
            return GraphErrors.BadRequest("The request body must be a JSON object.");
        }

        var fields = body.RootElement.TryGetProperty("fields", out var given) ? given : default;
        if (fields.ValueKind is not (JsonValueKind.Object or JsonValueKind.Undefined))
        {
            return GraphErrors.BadRequest("'fields' must be a JSON object.");
        }

        if (ToChanges(fields, out var changes) is { } invalid)
        {
            return invalid;
        }

        var item = list.Create(FieldSet.Empty.Merge(changes));
        var links = new ListLinks(context.BaseUrl, list);
        var query = new ItemQuery(ExpandFields: true, FieldSelect: null, Select: null, Top: null);
        return new GraphJsonResult(201, writer => new ItemJsonWriter(list, links, query).WriteItem(writer, item, links.ItemContext));
    }

    /// <summary>
    /// <c>PATCH …/items/{id}/fields</c>: merges, bumps the version (so the item is in the next delta, like a user's edit)
    /// and answers 200 with all fields. A stale <c>If-Match</c> gets 412.
    /// </summary>
    public static async Task<IResult> PatchFields(StandInContext context, HttpContext http, string siteId, string listRef, string itemRef)
    {
        if (ListAddress.TryResolve(context, siteId, listRef, out var list) is { } error)
        {
            return error;
        }

        if (!TryParseId(itemRef, out var id))
        {
            return GraphErrors.NotFound();
        }

        return await PatchFieldsAsync(context, http, list!, id);
    }

    /// <summary>
    /// The fields PATCH of one list item, also as a library's file takes it
    /// (<c>PATCH /drives/{d}/items/{i}/listItem/fields</c>).
    /// </summary>
    public static async Task<IResult> PatchFieldsAsync(StandInContext context, HttpContext http, SharePointList list, int id)
    {
        using var body = await ReadObjectAsync(http);
        if (body is null)
        {
            return GraphErrors.BadRequest("The request body must be a JSON object.");
        }

        if (ToChanges(body.RootElement, out var changes) is { } invalid)
        {
            return invalid;
        }

        if (list.Find(id) is not null && UnknownField(list, changes) is { } unknown)
        {
            return GraphErrors.BadRequest($"Field '{unknown}' is not recognized");
        }

        var ifMatch = IfMatch(http);
        var outcome = list.TryUpdate(id, changes, ifMatch, out var item);
        if (Refusal(outcome, ifMatch, item) is { } refused)
        {
            return refused;
        }

        var links = new ListLinks(context.BaseUrl, list);
        var query = new ItemQuery(ExpandFields: true, FieldSelect: null, Select: null, Top: null);
        return new GraphJsonResult(200, writer => new ItemJsonWriter(list, links, query).WriteFields(writer, item!, links.FieldsContext(id)));
    }

    public static IResult Delete(StandInContext context, HttpContext http, string siteId, string listRef, string itemRef)
    {
        if (ListAddress.TryResolve(context, siteId, listRef, out var list) is { } error)
        {
            return error;
        }

        if (!TryParseId(itemRef, out var id))
        {
            return GraphErrors.NotFound();
        }

        var ifMatch = IfMatch(http);
        var outcome = list!.TryDelete(id, ifMatch, out var item);
        return Refusal(outcome, ifMatch, item) ?? Results.NoContent();
    }

    private static IResult? Prepare(
        StandInContext context, HttpContext http, string siteId, string listRef, out SharePointList? list, out ItemQuery? query)
    {
        query = null;
        if (ListAddress.TryResolve(context, siteId, listRef, out list) is { } error)
        {
            return error;
        }

        return ItemQuery.TryParse(http.Request.Query, out query, out var problem) ? null : GraphErrors.BadRequest(problem);
    }

    private static IResult? FindItem(SharePointList list, string itemRef, out ListItemRecord? item)
    {
        item = TryParseId(itemRef, out var id) ? list.Find(id) : null;
        return item is null ? GraphErrors.NotFound() : null;
    }

    private static bool TryParseId(string itemRef, out int id) =>
        int.TryParse(itemRef, NumberStyles.None, CultureInfo.InvariantCulture, out id);

    private static string? IfMatch(HttpContext http)
    {
        var value = http.Request.Headers.IfMatch.ToString();
        return value.Length > 0 ? value : null;
    }

    private static IResult? Refusal(WriteOutcome outcome, string? ifMatch, ListItemRecord? current) => outcome switch
    {
        WriteOutcome.NotFound => GraphErrors.NotFound(),
        WriteOutcome.PreconditionFailed => GraphErrors.Result(
            412, "preconditionFailed", $"The request ETag value '{ifMatch}' does not match the object's ETag value '{current!.ETag}'."),
        _ => null,
    };

    private static async Task<JsonDocument?> ReadObjectAsync(HttpContext http)
    {
        try
        {
            var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Column values from a request body; a JSON null clears a column. Annotations are skipped;
    /// computed columns cannot be written.
    /// </summary>
    /// <summary>
    /// A field the list has no column for: SharePoint refuses the whole PATCH with 400 "Field 'X' is not
    /// recognized". A person or lookup column X takes <c>XLookupId</c>.
    /// </summary>
    private static string? UnknownField(SharePointList list, List<KeyValuePair<string, JsonElement?>> changes)
    {
        var columns = list.Columns.Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        const string Suffix = "LookupId";
        return changes.Select(c => c.Key).FirstOrDefault(name =>
            !columns.Contains(name) && !(name.EndsWith(Suffix, StringComparison.Ordinal) && columns.Contains(name[..^Suffix.Length])));
    }

    private static IResult? ToChanges(JsonElement fields, out List<KeyValuePair<string, JsonElement?>> changes)
    {
        changes = [];
        if (fields.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in fields.EnumerateObject().Where(p => !SystemFields.IsAnnotation(p.Name)))
        {
            if (SystemFields.IsReadOnly(property.Name))
            {
                return GraphErrors.BadRequest($"Field '{property.Name}' is read-only");
            }

            changes.Add(new(property.Name, property.Value.ValueKind == JsonValueKind.Null ? null : property.Value.Clone()));
        }

        return null;
    }
}
