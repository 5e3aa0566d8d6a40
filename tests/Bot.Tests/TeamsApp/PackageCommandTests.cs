using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using ExpertBot.Bot.Cli;

namespace ExpertBot.Bot.Tests.TeamsApp;

public sealed class PackageCommandTests : IDisposable
{
    private const string AppId = "0f8a6c2e-3b1d-4e5f-9a7b-1c2d3e4f5a6b";
    private const string BotId = "7d9e0f1a-2b3c-4d5e-8f6a-7b8c9d0e1f2a";

    private readonly string _dir = Directory.CreateTempSubdirectory("expertbot-package-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Package_ValidIds_WritesZipWithFilledManifestAtRoot()
    {
        var (code, stdout, stderr) = Package("--app-id", AppId, "--bot-id", BotId, "--version", "2.3.4", "--out", Out());

        Assert.True(code == CommandLine.Ok, stderr);
        Assert.Equal(Out(), stdout.Trim());
        using var zip = ZipFile.OpenRead(Out());
        Assert.Equal(["color.png", "en.json", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
        using var manifest = JsonDocument.Parse(ReadText(zip, "manifest.json"));
        var root = manifest.RootElement;
        Assert.Equal(AppId, root.GetProperty("id").GetString());
        Assert.Equal(BotId, root.GetProperty("bots")[0].GetProperty("botId").GetString());
        Assert.Equal("2.3.4", root.GetProperty("version").GetString());
        Assert.Equal("color.png", root.GetProperty("icons").GetProperty("color").GetString());
        Assert.Equal("outline.png", root.GetProperty("icons").GetProperty("outline").GetString());
    }

    [Fact]
    public void Package_AnyJsonEntry_HasNoPlaceholderLeft()
    {
        Package("--app-id", AppId, "--bot-id", BotId, "--out", Out());

        using var zip = ZipFile.OpenRead(Out());
        foreach (var entry in zip.Entries.Where(e => e.Name.EndsWith(".json", StringComparison.Ordinal)))
        {
            var text = ReadText(zip, entry.FullName);
            Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
            using var _ = JsonDocument.Parse(text);
        }
    }

    [Fact]
    public void Package_UpperCaseGuid_IsWrittenLowerCase()
    {
        Package("--app-id", AppId.ToUpperInvariant(), "--bot-id", BotId, "--out", Out());

        using var zip = ZipFile.OpenRead(Out());
        using var manifest = JsonDocument.Parse(ReadText(zip, "manifest.json"));
        Assert.Equal(AppId, manifest.RootElement.GetProperty("id").GetString());
        Assert.Equal("1.0.0", manifest.RootElement.GetProperty("version").GetString());
    }

    [Fact]
    public void Package_ManifestLocalizationFiles_AreInTheZip()
    {
        Package("--app-id", AppId, "--bot-id", BotId, "--out", Out());

        using var zip = ZipFile.OpenRead(Out());
        using var manifest = JsonDocument.Parse(ReadText(zip, "manifest.json"));
        var localization = manifest.RootElement.GetProperty("localizationInfo");
        Assert.Equal("nl-NL", localization.GetProperty("defaultLanguageTag").GetString());
        foreach (var language in localization.GetProperty("additionalLanguages").EnumerateArray())
        {
            Assert.NotNull(zip.GetEntry(language.GetProperty("file").GetString()!));
        }
    }

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void Package_Icon_HasTeamsSize(string name, int size)
    {
        Package("--app-id", AppId, "--bot-id", BotId, "--out", Out());

        using var zip = ZipFile.OpenRead(Out());
        var png = Png.Decode(ReadBytes(zip, name));
        Assert.Equal((size, size), (png.Width, png.Height));
    }

    [Fact]
    public void Package_OutlineIcon_IsOnlyWhiteOrTransparent()
    {
        Package("--app-id", AppId, "--bot-id", BotId, "--out", Out());

        using var zip = ZipFile.OpenRead(Out());
        var png = Png.Decode(ReadBytes(zip, "outline.png"));
        var offenders = png.Pixels().Where(p => p.A != 0 && (p.R, p.G, p.B) != (255, 255, 255)).ToList();
        Assert.Empty(offenders);
        Assert.Contains(png.Pixels(), p => p.A == 0);
        Assert.Contains(png.Pixels(), p => p.A == 255);
    }

    [Fact]
    public void Package_SameArguments_WritesIdenticalBytes()
    {
        var second = Path.Combine(_dir, "again.zip");

        Package("--app-id", AppId, "--bot-id", BotId, "--out", Out());
        Package("--app-id", AppId, "--bot-id", BotId, "--out", second);

        Assert.Equal(File.ReadAllBytes(Out()), File.ReadAllBytes(second));
    }

    [Theory]
    [InlineData("--app-id", "not-a-guid", "--bot-id", BotId)]
    [InlineData("--app-id", AppId, "--bot-id", "7d9e0f1a2b3c4d5e8f6a7b8c9d0e1f2a")]
    [InlineData("--app-id", AppId, "--bot-id", "{7d9e0f1a-2b3c-4d5e-8f6a-7b8c9d0e1f2a}")]
    [InlineData("--app-id", AppId)]
    [InlineData("--bot-id", BotId)]
    [InlineData("--app-id", AppId, "--bot-id", BotId, "--version", "1.0")]
    [InlineData("--app-id", AppId, "--bot-id", BotId, "--out")]
    [InlineData("--app-id", AppId, "--bot-id", BotId, "--colour", "red")]
    public void Package_BadArguments_ExitsWith2AndOneLineError(params string[] args)
    {
        var (code, stdout, stderr) = Package([.. args, "--out", Out()]);

        Assert.Equal(CommandLine.BadArguments, code);
        Assert.Empty(stdout);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.False(File.Exists(Out()));
    }

    [Fact]
    public void IsCommand_Package_IsTrue() => Assert.True(CommandLine.IsCommand(["package"]));

    private string Out() => Path.Combine(_dir, "out", "app.zip");

    private static (int Code, string Stdout, string Stderr) Package(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CommandLine.Run(["package", .. args], stdout, stderr, TimeProvider.System);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static byte[] ReadBytes(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidOperationException($"{name} is not in the zip");
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static string ReadText(ZipArchive zip, string name) => Encoding.UTF8.GetString(ReadBytes(zip, name));

    /// <summary>Just enough of a PNG decoder for 8-bit RGBA / RGB, non-interlaced: the header and the pixels.</summary>
    private sealed record Png(int Width, int Height, int Channels, byte[] Data)
    {
        public static Png Decode(byte[] bytes)
        {
            Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], bytes[..8]);
            Assert.Equal("IHDR", Encoding.ASCII.GetString(bytes, 12, 4));
            var width = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16));
            var height = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20));
            var (bitDepth, colorType, interlace) = (bytes[24], bytes[25], bytes[28]);
            Assert.True(bitDepth == 8 && colorType is 2 or 6 && interlace == 0, $"unsupported PNG: depth {bitDepth}, colour type {colorType}, interlace {interlace}");
            var channels = colorType == 6 ? 4 : 3;

            using var idat = new MemoryStream();
            for (var i = 8; i < bytes.Length;)
            {
                var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(i));
                if (Encoding.ASCII.GetString(bytes, i + 4, 4) == "IDAT")
                {
                    idat.Write(bytes, i + 8, length);
                }

                i += length + 12;
            }

            idat.Position = 0;
            using var inflate = new ZLibStream(idat, CompressionMode.Decompress);
            using var raw = new MemoryStream();
            inflate.CopyTo(raw);
            return new Png(width, height, channels, Unfilter(raw.ToArray(), width, height, channels));
        }

        public IEnumerable<(byte R, byte G, byte B, byte A)> Pixels()
        {
            for (var i = 0; i < Data.Length; i += Channels)
            {
                yield return (Data[i], Data[i + 1], Data[i + 2], Channels == 4 ? Data[i + 3] : (byte)255);
            }
        }

        private static byte[] Unfilter(byte[] raw, int width, int height, int bpp)
        {
            var stride = width * bpp;
            var output = new byte[stride * height];
            for (var y = 0; y < height; y++)
            {
                var filter = raw[y * (stride + 1)];
                for (var x = 0; x < stride; x++)
                {
                    int a = x >= bpp ? output[(y * stride) + x - bpp] : 0;
                    int b = y > 0 ? output[((y - 1) * stride) + x] : 0;
                    int c = x >= bpp && y > 0 ? output[((y - 1) * stride) + x - bpp] : 0;
                    int value = raw[(y * (stride + 1)) + 1 + x];
                    output[(y * stride) + x] = (byte)(filter switch
                    {
                        0 => value,
                        1 => value + a,
                        2 => value + b,
                        3 => value + ((a + b) / 2),
                        4 => value + Paeth(a, b, c),
                        _ => throw new InvalidDataException($"PNG filter {filter}"),
                    });
                }
            }

            return output;
        }

        private static int Paeth(int a, int b, int c)
        {
            var p = a + b - c;
            var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
            return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        }
    }
}
