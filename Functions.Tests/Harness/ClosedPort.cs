using System.Net;
using System.Net.Sockets;
using Integration.Emulators.Azurite;

namespace Integration.Functions.Tests.Harness;

/// <summary>Loopback ports nobody listens on: an endpoint that refuses every connection.</summary>
public static class ClosedPort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>A connection string whose blob, queue and table endpoints all refuse connections.</summary>
    public static string StorageConnectionString()
    {
        var port = Next();
        return $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteServer.DevAccountKey};" +
            $"TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{port}/devstoreaccount1;BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
    }
}
