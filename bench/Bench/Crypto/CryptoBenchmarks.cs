using BenchmarkDotNet.Attributes;

namespace SecureMail.Bench.Crypto;

/// <summary>Single-message latencies, run by BenchmarkDotNet in this process with a short job (see CryptoRows).</summary>
public class CryptoBenchmarks
{
    private static CryptoFixture Fixture => CryptoFixture.Current;

    [Benchmark]
    public byte[] SmimeSign() => Fixture.Composer.Compose(Fixture.Article, Fixture.Smime.SignOnly()).Raw;

    [Benchmark]
    public byte[] PgpSignAndEncrypt() => Fixture.Composer.Compose(Fixture.Article, Fixture.Pgp!.SignAndEncrypt).Raw;
}
