using System.Net;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Integration.Core.Storage;

namespace Integration.Functions.Tests.Deployment;

/// <summary>
/// An on-call engineer holds Storage Table Data Reader, not Contributor (infra/modules/operator-roles.bicep):
/// the account refuses them creating a table with 403, and status and quarantine list must still read.
/// The Table SDK is driven over a loopback handler that answers as Azure does to a reader.
/// </summary>
public class ReadOnlyStorageTests
{
    [Fact]
    public async Task A_reader_whom_storage_refuses_to_create_a_table_still_gets_it_to_read()
    {
        using var handler = new ReaderOnlyAccount();
        var options = new TableClientOptions { Transport = new HttpClientTransport(new HttpClient(handler)) };
        options.Retry.MaxRetries = 0;
        var tables = new TableServiceClient(new Uri("http://127.0.0.1:1/devstoreaccount1"), new TableSharedKeyCredential("devstoreaccount1", Convert.ToBase64String(new byte[64])), options);
        var storage = new IntegrationStorage(tables, new QueueServiceClient(new Uri("http://127.0.0.1:1/devstoreaccount1")), new BlobServiceClient(new Uri("http://127.0.0.1:1/devstoreaccount1")));

        var table = await storage.TableAsync(TableNames.SyncRuns);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>()) rows.Add(row);

        Assert.Equal(TableNames.SyncRuns, table.Name);
        Assert.Single(rows);
        Assert.Equal(["POST 403", "GET 200"], handler.Seen);
    }

    /// <summary>Refuses the create (POST /Tables) as Azure refuses a data reader; answers a query with one row.</summary>
    private sealed class ReaderOnlyAccount : HttpMessageHandler
    {
        public List<string> Seen { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Post)
            {
                Seen.Add("POST 403");
                var refused = new HttpResponseMessage(HttpStatusCode.Forbidden)
                {
                    Content = new StringContent("""{"odata.error":{"code":"AuthorizationPermissionMismatch","message":{"lang":"en-US","value":"This request is not authorized to perform this operation using this permission."}}}"""),
                };
                refused.Headers.Add("x-ms-error-code", "AuthorizationPermissionMismatch");
                refused.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                return Task.FromResult(refused);
            }

            Seen.Add("GET 200");
            var ok = new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("""{"value":[{"PartitionKey":"night","RowKey":"PlanItems","Timestamp":"2026-12-07T02:00:00Z"}]}"""),
            };
            ok.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return Task.FromResult(ok);
        }
    }
}
