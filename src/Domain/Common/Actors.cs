namespace SecureMail.Domain.Common;

/// <summary>The actor of events that no person caused: inbound security processing, delivery outcomes, key collection
/// from mail, projection rebuilds. A person's action records that person's name instead (ADR 4).</summary>
public static class Actors
{
    public const string System = "system";
}
