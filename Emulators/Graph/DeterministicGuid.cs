using System.Security.Cryptography;
using System.Text;

namespace Integration.Emulators.Graph;

/// <summary>Stable GUIDs from names, so seeded sites and lists keep their ids from run to run.</summary>
internal static class DeterministicGuid
{
    public static Guid From(string name)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), hash);
        return new Guid(hash[..16]);
    }
}
