using System.Net;
using System.Net.Sockets;

namespace Integration.Functions.Tests.Harness;

/// <summary>
/// Forwards a loopback port to another, and can be cut and restored: storage that goes away in
/// the middle of a run, and comes back, without touching the Azurite the other tests share.
/// </summary>
public sealed class LoopbackTcpProxy : IAsyncDisposable
{
    private readonly int _target;
    private readonly List<TcpClient> _open = [];
    private TcpListener _listener;
    private CancellationTokenSource _stop = new();
    private Task _accepting;

    public LoopbackTcpProxy(int target)
    {
        _target = target;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync(_listener, _stop.Token);
    }

    public int Port { get; }

    /// <summary>Closes every connection and stops listening: the endpoint now refuses connections.</summary>
    public async Task CutAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        lock (_open)
        {
            foreach (var client in _open) client.Dispose();
            _open.Clear();
        }

        await _accepting;
    }

    /// <summary>Listens again on the same port.</summary>
    public void Restore()
    {
        _stop = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Start();
        _accepting = AcceptAsync(_listener, _stop.Token);
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var inbound = await listener.AcceptTcpClientAsync(ct);
                var outbound = new TcpClient();
                await outbound.ConnectAsync(IPAddress.Loopback, _target, ct);
                lock (_open)
                {
                    _open.Add(inbound);
                    _open.Add(outbound);
                }

                _ = PumpAsync(inbound, outbound, ct);
                _ = PumpAsync(outbound, inbound, ct);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Cut.
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to, CancellationToken ct)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), ct);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException or SocketException)
        {
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CutAsync();
        _stop.Dispose();
    }
}
