namespace SecureMail.Application.Common;

/// <summary>Who asked: the token's subject, recorded in every event.</summary>
public sealed record Actor(string Name);
