using Azure.Core;
using Azure.Identity;
using Integration.Core.Configuration;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Authentication.Azure;

namespace Integration.Core.SharePoint;

/// <summary>
/// Builds the one <see cref="GraphServiceClient"/> the process uses, with the SDK's own middleware
/// (retry on 429/503/504 honouring Retry-After, redirects, compression), the resource-unit pacing as the
/// innermost handler, so every attempt is paced, and the configured credential.
/// </summary>
internal static class GraphClientBuilder
{
    public static GraphServiceClient Create(SharePointOptions options, Pacing.ResourceUnitBudget budget)
    {
        var baseUrl = new Uri(options.GraphBaseUrl.TrimEnd('/'));
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        handlers.Add(new Pacing.ResourceUnitPacing(budget, baseUrl));
        var httpClient = GraphClientFactory.Create(handlers, version: "v1.0");
        return new GraphServiceClient(httpClient, CreateAuthentication(options, baseUrl), baseUrl.ToString());
    }

    private static IAuthenticationProvider CreateAuthentication(SharePointOptions options, Uri baseUrl)
    {
        if (options.Auth == GraphAuthMode.None)
        {
            // The validator has already refused this for anything but a loopback stand-in.
            return new AnonymousAuthenticationProvider();
        }

        TokenCredential credential = options.Auth switch
        {
            GraphAuthMode.ClientSecret => new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret),
            _ => string.IsNullOrWhiteSpace(options.ClientId)
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ClientId)),
        };

        var scope = $"{baseUrl.Scheme}://{baseUrl.Host}/.default";
        return new AzureIdentityAuthenticationProvider(credential, allowedHosts: [baseUrl.Host], scopes: [scope]);
    }
}
