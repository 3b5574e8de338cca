namespace SecureMail.Api.OpenApi;

/// <summary>Documents a body the endpoint reads itself (an upload), which the framework cannot infer.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AcceptsUploadAttribute(params string[] contentTypes) : Attribute
{
    public IReadOnlyList<string> ContentTypes { get; } = contentTypes;
}
