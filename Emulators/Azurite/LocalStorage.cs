using System.Net.Sockets;

namespace Integration.Emulators.Azurite;

/// <summary>
/// Picks the storage a local run or test uses: <c>AzureWebJobsStorage</c> from the environment
/// when set, Azurite already on its default ports (as CI starts it), or an Azurite of our own.
/// </summary>
public static class LocalStorage
{
    public static async Task<(string ConnectionString, AzuriteServer? Started)> ResolveAsync(Action<string>? log = null, CancellationToken ct = default)
    {
        var configured = Environment.GetEnvironmentVariable("AzureWebJobsStorage");
        if (!string.IsNullOrWhiteSpace(configured)) return (configured, null);

        if (await AnswersAsync(10000, ct) && await AnswersAsync(10001, ct) && await AnswersAsync(10002, ct))
        {
            return ("UseDevelopmentStorage=true", null);
        }

        var server = await AzuriteServer.StartAsync(log, ct);
        return (server.ConnectionString, server);
    }

    private static async Task<bool> AnswersAsync(int port, CancellationToken ct)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(System.Net.IPAddress.Loopback, port, ct).AsTask().WaitAsync(TimeSpan.FromSeconds(1), ct);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or TimeoutException)
        {
            return false;
        }
    }
}
