using System.Diagnostics;
using System.Security.Cryptography;
using ExpertBot.Bot.Tests.Protocol;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ExpertBot.Bench.LoadBench;

/// <summary>
/// One distinct signed JWT per request (a <c>jti</c> makes each unique), made before the run so RSA signing
/// is not measured. A token is dropped once handed out, so after a run the pool holds nothing.
/// </summary>
internal sealed class TokenPool
{
    private readonly string?[] _tokens;

    private TokenPool(string?[] tokens) => _tokens = tokens;

    public int Count => _tokens.Length;

    public static TokenPool Create(RSA key, string kid, string serviceUrl, int count)
    {
        var watch = Stopwatch.StartNew();
        var tokens = new string?[count];
        var now = DateTime.UtcNow;

        // IdentityModel caches one signature provider per key and shares it across threads, as the bot's validator does.
        var credentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = kid }, SecurityAlgorithms.RsaSha256);
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        Parallel.For(0, count, i =>
        {
            tokens[i] = handler.CreateToken(new SecurityTokenDescriptor
            {
                Issuer = TestTokenAuthority.Issuer,
                Audience = TestTokenAuthority.AppId,
                NotBefore = now.AddMinutes(-1),
                IssuedAt = now.AddMinutes(-1),
                Expires = now.AddHours(2),
                Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl, ["jti"] = $"bench-{i}" },
                SigningCredentials = credentials,
            });
        });

        Console.Error.WriteLine($"  {count:N0} tokens signed in {watch.Elapsed.TotalSeconds:F1} s (not measured)");
        return new TokenPool(tokens);
    }

    /// <summary>The token for request <paramref name="index"/>; the pool lets go of it.</summary>
    public string Take(int index)
    {
        var token = _tokens[index] ?? throw new InvalidOperationException($"Token {index} was already used.");
        _tokens[index] = null;
        return token;
    }
}
