using Integration.Core.Sync;
using Microsoft.Extensions.Options;

namespace Integration.Core.Configuration;

/// <summary>
/// Refuses a configuration that cannot work, naming the setting as an operator would type it
/// (<c>SharePoint__SiteId</c>), so a bad deployment stops at start-up and not at 02:00.
/// </summary>
internal sealed class SharePointOptionsValidator(SyncSources sources) : IValidateOptions<SharePointOptions>
{
    public ValidateOptionsResult Validate(string? name, SharePointOptions options)
    {
        var failures = new List<string>();

        if (!Uri.TryCreate(options.GraphBaseUrl, UriKind.Absolute, out var baseUrl)
            || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"SharePoint__GraphBaseUrl must be an absolute http(s) URL; got '{options.GraphBaseUrl}'.");
        }
        else if (options.Auth == GraphAuthMode.None && !baseUrl.IsLoopback)
        {
            failures.Add($"SharePoint__Auth=None is only allowed against a loopback stand-in; SharePoint__GraphBaseUrl is '{baseUrl}'.");
        }
        else if (options.Auth != GraphAuthMode.None && baseUrl.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add("SharePoint__GraphBaseUrl must use https when a token is sent (SharePoint__Auth is not None).");
        }

        if (!Enum.IsDefined(options.Auth))
        {
            failures.Add("SharePoint__Auth must be ManagedIdentity, ClientSecret or None.");
        }

        if (options.Auth == GraphAuthMode.ClientSecret)
        {
            if (string.IsNullOrWhiteSpace(options.TenantId)) failures.Add("SharePoint__TenantId is required when SharePoint__Auth=ClientSecret.");
            if (string.IsNullOrWhiteSpace(options.ClientId)) failures.Add("SharePoint__ClientId is required when SharePoint__Auth=ClientSecret.");
            if (string.IsNullOrWhiteSpace(options.ClientSecret)) failures.Add("SharePoint__ClientSecret is required when SharePoint__Auth=ClientSecret.");
        }

        if (sources.All.Any(s => s.IsConfigured(options)) && string.IsNullOrWhiteSpace(options.SiteId))
        {
            failures.Add("SharePoint__SiteId is required when a SharePoint list or library is configured.");
        }

        if (options.PageSize is < 1 or > 5000)
        {
            failures.Add($"SharePoint__PageSize must be between 1 and 5000; got {options.PageSize}.");
        }

        if (options.MaxPages < 1)
        {
            failures.Add($"SharePoint__MaxPages must be 1 or more; got {options.MaxPages}. The default is {SharePointOptions.DefaultMaxPages}.");
        }

        if (options.ResourceUnitsPerMinute < 0)
        {
            failures.Add($"SharePoint__ResourceUnitsPerMinute must be 0 (no pacing) or more; got {options.ResourceUnitsPerMinute}. The default is {SharePointOptions.DefaultResourceUnitsPerMinute}.");
        }
        else if (options.ResourceUnitsPerMinute is > 0 and < SharePoint.Pacing.ResourceUnitBudget.SmallestBudget)
        {
            failures.Add($"SharePoint__ResourceUnitsPerMinute must be at least {SharePoint.Pacing.ResourceUnitBudget.SmallestBudget} (a few full batches of writes) when pacing is on; got {options.ResourceUnitsPerMinute}.");
        }

        if (options.ResourceUnitWindow <= TimeSpan.Zero)
        {
            failures.Add($"SharePoint__ResourceUnitWindow must be a positive time span such as 00:01:00; got {options.ResourceUnitWindow}.");
        }

        foreach (var (list, columns) in options.Fields)
        {
            foreach (var (column, internalName) in columns)
            {
                // An empty data-problem column is how the write-back is turned off.
                if (string.IsNullOrWhiteSpace(internalName) && !string.Equals(column, SharePoint.DataProblemColumn.Name, StringComparison.OrdinalIgnoreCase))
                {
                    failures.Add($"SharePoint__Fields__{list}__{column} is empty; remove it to use the default column name.");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
