using System.Globalization;

namespace ExpertBot.Bench.LoadBench;

/// <summary>The command line. Every knob that changes a figure is printed with the results.</summary>
internal sealed record BenchOptions
{
    public int Turns { get; init; } = 100_000;
    public int Warmup { get; init; } = 10_000;
    public int Concurrency { get; init; } = 64;

    /// <summary>Distinct conversations the in-flight turns rotate over; equal to <see cref="Concurrency"/> means one conversation per worker.</summary>
    public int Conversations { get; init; } = 4_096;

    /// <summary>Tenants the conversations are spread over (Teams pacing is 50 sends/s per tenant).</summary>
    public int Tenants { get; init; } = 128;

    /// <summary>Open-loop arrival rate in turns/s; 0 = closed loop (each worker sends its next turn as soon as the reply arrives).</summary>
    public double Rate { get; init; }

    public bool Echo { get; init; }
    public bool Compare { get; init; }

    /// <summary>Extra configuration for the bot (<c>--set Bot:MessagesPerSecondPerConversation=1000</c>).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromSeconds(40);

    /// <summary>Hard ceiling per phase, so a stuck run ends by itself.</summary>
    public TimeSpan MaxPhaseDuration { get; init; } = TimeSpan.FromMinutes(10);

    public const string Usage = """
        dotnet run -c Release --project bench/Bot.LoadBench -- [options]
          --turns N            measured turns per phase (default 100000)
          --warmup N           turns before measuring, excluded (default 10000)
          --concurrency C      turns in flight = concurrently active conversations (default 64)
          --conversations K    conversations the in-flight turns rotate over (default 4096; = C for one conversation per worker)
          --tenants T          tenants the conversations are spread over (default 128)
          --rate R             open loop at R turns/s (default 0 = closed loop, as fast as replies come back)
          --echo               echo router instead of the chat handlers
          --compare            echo then full in one invocation, with cost ratios
          --set KEY=VALUE      extra bot configuration, e.g. --set Bot:MessagesPerSecondPerConversation=1000
          --max-seconds S      hard ceiling per phase (default 600)
        """;

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int NextInt(int min) => int.Parse(Next(), CultureInfo.InvariantCulture) is var n && n >= min
                ? n
                : throw new ArgumentException($"{args[i - 1]} must be at least {min}.");

            options = args[i] switch
            {
                "--turns" => options with { Turns = NextInt(1) },
                "--warmup" => options with { Warmup = NextInt(0) },
                "--concurrency" => options with { Concurrency = NextInt(1) },
                "--conversations" => options with { Conversations = NextInt(1) },
                "--tenants" => options with { Tenants = NextInt(1) },
                "--rate" => options with { Rate = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--echo" => options with { Echo = true },
                "--compare" => options with { Compare = true },
                "--max-seconds" => options with { MaxPhaseDuration = TimeSpan.FromSeconds(NextInt(1)) },
                "--set" => AddSetting(options, settings, Next()),
                _ => throw new ArgumentException($"Unknown option '{args[i]}'."),
            };
        }

        if (options.Conversations < options.Concurrency)
        {
            throw new ArgumentException("--conversations must be at least --concurrency: a conversation's turns are sequential.");
        }

        return options with { Settings = settings };
    }

    private static BenchOptions AddSetting(BenchOptions options, Dictionary<string, string> settings, string pair)
    {
        var split = pair.IndexOf('=', StringComparison.Ordinal);
        if (split <= 0)
        {
            throw new ArgumentException($"--set expects KEY=VALUE, got '{pair}'.");
        }

        settings[pair[..split]] = pair[(split + 1)..];
        return options;
    }
}
