using System.Collections.Concurrent;
using SecureMail.Domain.Accounts;

namespace SecureMail.Api.Accounts;

/// <summary>Failed sign-ins within the last 15 minutes, per account name and per client address: past 5 for a name or
/// 20 for an address, sign-in is refused before any password is checked, until the oldest failure ages out. Kept in
/// memory on each node (ADR 33): with N nodes an attacker gets at most N times the attempts.</summary>
public sealed class SignInThrottle(TimeProvider clock, ILogger<SignInThrottle> logger)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    public const int FailuresPerName = 5;
    public const int FailuresPerAddress = 20;

    private readonly FailureLog names = new(FailuresPerName, Window);
    private readonly FailureLog addresses = new(FailuresPerAddress, Window);

    /// <summary>How long this name or address must wait, or null when it may try.</summary>
    public TimeSpan? RetryAfter(string name, string address)
    {
        var now = clock.GetUtcNow();
        var wait = new[] { names.Wait(NameKey(name), now), addresses.Wait(address, now) }.Max();
        if (wait is not null)
            logger.LogWarning("Sign-in refused for {Name} from {Address}: too many failures", Shown(name), address);
        return wait;
    }

    public void Failed(string name, string address)
    {
        logger.LogWarning("Sign-in failed for {Name} from {Address}", Shown(name), address);
        var now = clock.GetUtcNow();
        names.Record(NameKey(name), now);
        addresses.Record(address, now);
    }

    public void Succeeded(string name) => names.Clear(NameKey(name));

    // The account's own spelling rules: "Admin" and the fullwidth "ａｄｍｉｎ" are one account, so one count. A name no account
    // can have shares one count, which locks out nobody.
    private static string NameKey(string name) => AccountRules.CheckName(name) is null ? AccountRules.Normalise(name) : "";

    private static string Shown(string name) => name.Length > 100 ? name[..100] + "…" : name;

    private sealed class FailureLog(int limit, TimeSpan window)
    {
        // Beyond this many names or addresses, the ones with no recent failure are dropped, so a spray of made-up names
        // cannot grow the log without bound.
        private const int SweepAbove = 100_000;
        private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> failures = new();

        public TimeSpan? Wait(string key, DateTimeOffset now)
        {
            if (!failures.TryGetValue(key, out var times))
                return null;
            lock (times)
            {
                Expire(times, now);
                return times.Count >= limit ? times.Peek() + window - now : null;
            }
        }

        public void Record(string key, DateTimeOffset now)
        {
            if (failures.Count > SweepAbove)
                Sweep(now);
            var times = failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
            lock (times)
            {
                Expire(times, now);
                times.Enqueue(now);
                while (times.Count > limit)
                    times.Dequeue();
            }
        }

        public void Clear(string key) => failures.TryRemove(key, out _);

        private void Expire(Queue<DateTimeOffset> times, DateTimeOffset now)
        {
            while (times.Count > 0 && times.Peek() + window <= now)
                times.Dequeue();
        }

        private void Sweep(DateTimeOffset now)
        {
            foreach (var (key, times) in failures)
                lock (times)
                {
                    Expire(times, now);
                    if (times.Count == 0)
                        failures.TryRemove(key, out _);
                }
        }
    }
}
