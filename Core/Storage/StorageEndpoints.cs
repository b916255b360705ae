using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Integration.Core.Storage;

/// <summary>
/// Where the storage account is, read from the same <c>AzureWebJobsStorage</c> settings the
/// Functions host reads for its own triggers: a connection string (locally, Azurite), or
/// identity-based settings (in Azure) with one URI per service, or an account name from which the
/// host derives them. The client libraries' own configuration binding knows neither of the
/// identity forms, so the clients are built from this. Not a record: its text would show a
/// connection string's key.
/// </summary>
public sealed class StorageEndpoints
{
    private const string Tables = "tableServiceUri";
    private const string Queues = "queueServiceUri";
    private const string Blobs = "blobServiceUri";
    private const string AccountName = "accountName";

    /// <summary>Set when the settings are a connection string; the URIs are then null.</summary>
    public string? ConnectionString { get; private init; }

    public Uri? TableServiceUri { get; private init; }

    public Uri? QueueServiceUri { get; private init; }

    public Uri? BlobServiceUri { get; private init; }

    /// <summary>
    /// Reads the settings, or fails with every missing or malformed key named as an app setting
    /// (<c>AzureWebJobsStorage__tableServiceUri</c>).
    /// </summary>
    /// <exception cref="OptionsValidationException">The settings do not describe an account.</exception>
    public static StorageEndpoints From(IConfigurationSection section)
    {
        var name = section.Key;
        var connectionString = section.Value ?? section["connectionString"];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new StorageEndpoints { ConnectionString = connectionString };
        }

        if (!section.GetChildren().Any())
        {
            throw Invalid(name,
                $"{name} is not set: give a connection string (UseDevelopmentStorage=true locally) or " +
                $"{name}__{Tables}, __{Queues} and __{Blobs} with __credential=managedidentity and __clientId.");
        }

        // The host accepts an account name alone and derives the public-cloud endpoints from it.
        var account = section[AccountName];
        var errors = new List<string>();
        Uri? Endpoint(string key, string service)
        {
            var value = section[key];
            if (string.IsNullOrWhiteSpace(value))
            {
                if (!string.IsNullOrWhiteSpace(account)) return new Uri($"https://{account}.{service}.core.windows.net");
                errors.Add($"{name}__{key} is not set; identity-based storage needs the {service} service URI (or {name}__{AccountName}).");
                return null;
            }

            // The storage clients send a token only over TLS, and refuse at the first request otherwise.
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            {
                errors.Add($"{name}__{key} must be an https URI (a token is only sent over TLS): '{value}'.");
                return null;
            }

            return uri;
        }

        var endpoints = new StorageEndpoints
        {
            TableServiceUri = Endpoint(Tables, "table"),
            QueueServiceUri = Endpoint(Queues, "queue"),
            BlobServiceUri = Endpoint(Blobs, "blob"),
        };
        return errors.Count == 0 ? endpoints : throw Invalid(name, [.. errors]);
    }

    private static OptionsValidationException Invalid(string section, params string[] failures) =>
        new(section, typeof(StorageEndpoints), failures);
}
