using SecureMail.Infrastructure.Telemetry;

namespace SecureMail.Infrastructure.Tests.Telemetry;

/// <summary>A metric label holds a reason code or "other": never free text, which could carry an address or a subject.</summary>
public class FailureCodesTests
{
    [Theory]
    [InlineData("no-private-key")]
    [InlineData("unknown-critical-subpacket")]
    [InlineData("timed-out")]
    public void A_code_is_kept(string code) => Assert.Equal(code, FailureCodes.Code(code));

    [Theory]
    [InlineData("The signer alice@example.com is unknown")]
    [InlineData("CN=Alice")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("a-code-far-too-long-to-be-one-of-ours-at-all")]
    public void Anything_else_is_other(string? value) => Assert.Equal(FailureCodes.Other, FailureCodes.Code(value));
}
