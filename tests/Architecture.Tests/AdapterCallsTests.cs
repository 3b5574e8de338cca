using Mono.Cecil;

namespace SecureMail.Architecture.Tests;

/// <summary>An adapter is given data and returns data: it implements Application's ports and builds or reads its records,
/// but never calls an Application service back (a handler, a query, a static helper), or the layers would turn into
/// a loop that no one can follow from the endpoint down.</summary>
public class AdapterCallsTests
{
    private static readonly string InfrastructurePath = typeof(SecureMail.Infrastructure.Outgoing.MimeKitOutgoingMailComposer).Assembly.Location;

    [Theory]
    [InlineData("SecureMail.Infrastructure.Outgoing")]
    [InlineData("SecureMail.Infrastructure.Delivery")]
    [InlineData("SecureMail.Infrastructure.Vault")]
    [InlineData("SecureMail.Infrastructure.Messages")]
    [InlineData("SecureMail.Infrastructure.Keys")]
    [InlineData("SecureMail.Infrastructure.Keystore")]
    [InlineData("SecureMail.Infrastructure.Inbound")]
    [InlineData("SecureMail.Infrastructure.Attachments")]
    public void Adapters_call_into_Application_only_through_ports_and_data(string adapters)
    {
        var calls = ServiceCalls(adapters);
        Assert.True(calls.Count == 0, string.Join("\n", calls));
    }

    [Fact]
    public void The_call_check_sees_a_call_that_exists()
    {
        Assert.Contains(ServiceCalls("SecureMail.Infrastructure.Audit"), call => call.Contains("SecureMail.Application.Audit.ChainVerifier"));
    }

    /// <summary>A record is data the port hands over: looking a key up in it reads the data, it calls no service.</summary>
    private static bool IsRecord(TypeDefinition type) => type.Methods.Any(m => m.Name == "<Clone>$");

    /// <summary>Every method of an Application class called from the namespace, except constructors, property accessors,
    /// the members of records (data handed over, like the keys a reader is given), and interface members (the ports, implemented or called).</summary>
    private static IReadOnlyList<string> ServiceCalls(string adapters)
    {
        var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(Path.GetDirectoryName(InfrastructurePath)!);
        using var assembly = AssemblyDefinition.ReadAssembly(InfrastructurePath, new ReaderParameters { AssemblyResolver = resolver });
        var types = assembly.MainModule.GetTypes().Where(t => t.Namespace == adapters || t.Namespace.StartsWith(adapters + ".", StringComparison.Ordinal)
            || (t.DeclaringType is { } outer && (outer.Namespace == adapters || outer.Namespace.StartsWith(adapters + ".", StringComparison.Ordinal))));
        var calls = from type in types
                    from method in type.Methods.Where(m => m.HasBody)
                    from instruction in method.Body.Instructions
                    where instruction.Operand is MethodReference called && called.DeclaringType.Namespace.StartsWith("SecureMail.Application", StringComparison.Ordinal)
                    let target = ((MethodReference)instruction.Operand).Resolve()
                    where !(target.IsConstructor || target.IsGetter || target.IsSetter || target.Name == "<Clone>$" || target.DeclaringType.IsInterface
                        || IsRecord(target.DeclaringType))
                    select $"{type.FullName}.{method.Name} calls {target.DeclaringType.FullName}.{target.Name}";
        Assert.NotEmpty(types);
        return calls.Distinct().ToList();
    }
}
