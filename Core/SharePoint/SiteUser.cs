namespace Integration.Core.SharePoint;

/// <summary>An entry of the site's hidden User Information List. Email and name are personal data: never log them.</summary>
/// <param name="DisplayName">The list's <c>Title</c>: the person's name as SharePoint shows it; read where a person is shown (the Teams digest).</param>
public sealed record SiteUser(string LookupId, string? Email, string? DisplayName = null);
