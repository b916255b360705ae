namespace Integration.Core.SharePoint.Provisioning;

/// <summary>
/// What one source needs on the site: a list or a document library, named by its setting
/// (<c>SharePoint__Lists__{Source}</c> or <c>SharePoint__Libraries__{Source}</c>), with its columns.
/// Each feature describes its own beside its columns and registers it with
/// <see cref="ProvisioningModule.AddListSchema"/>, so a feature left out is not provisioned either.
/// </summary>
/// <param name="Reference">The configured id or display name; null when the source is not configured.</param>
public sealed record ListSchema(string Source, bool IsLibrary, string? Reference, IReadOnlyList<ColumnSpec> Columns)
{
    public string Setting => $"SharePoint__{(IsLibrary ? "Libraries" : "Lists")}__{Source}";

    /// <summary>The Graph list template it is created from.</summary>
    public string Template => IsLibrary ? "documentLibrary" : "genericList";

    public string What => IsLibrary ? "library" : "list";

    /// <summary>The sources whose lists this one's lookups point into: they are provisioned first.</summary>
    public IEnumerable<string> LookupSources => Columns.Select(c => c.LookupSource).OfType<string>();
}
