using System.Reflection;

namespace SecureMail.Reliability.Harness;

/// <summary>The service's build output (src/Api), as the build of this project recorded its path: the same
/// configuration as the tests, so <c>dotnet test -c Release</c> runs the Release service.</summary>
public static class ServiceBinary
{
    public static string Path { get; } = Locate();

    private static string Locate()
    {
        var recorded = typeof(ServiceBinary).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "ServiceAssembly").Value;
        return File.Exists(recorded)
            ? recorded
            : throw new FileNotFoundException($"The service's build output '{recorded}' is missing: build src/Api in this configuration first.");
    }
}
