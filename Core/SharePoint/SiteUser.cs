namespace Integration.Core.SharePoint;

/// <summary>An entry of the site's hidden User Information List. Email is personal data: never log it.</summary>
public sealed record SiteUser(string LookupId, string? Email);
