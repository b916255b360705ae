using Microsoft.AspNetCore.Http;

namespace Integration.Emulators.Graph.Http;

/// <summary>Finds the site and list a URL names, or the 404 Graph gives when either is missing.</summary>
internal static class ListAddress
{
    public static IResult? TryResolveSite(StandInContext context, string siteId, out SharePointSite? site)
    {
        site = context.State.FindSite(siteId);
        return site is null
            ? GraphErrors.NotFound("Requested site could not be found")
            : null;
    }

    public static IResult? TryResolve(StandInContext context, string siteId, string listRef, out SharePointList? list)
    {
        list = null;
        if (TryResolveSite(context, siteId, out var site) is { } missingSite)
        {
            return missingSite;
        }

        list = site!.FindList(listRef);
        return list is null ? GraphErrors.NotFound("List not found") : null;
    }
}
