using System.Collections.Concurrent;
using System.Reflection;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Model;
using JasperFx.RuntimeCompiler;

namespace SecureMail.Api.Tests.CodeGeneration;

/// <summary>Wolverine's Roslyn compiler, noting each generated type it compiles: a request that compiles shows here.</summary>
public sealed class CompilationLog : IAssemblyGenerator
{
    private readonly AssemblyGenerator roslyn = new();
    private readonly ConcurrentQueue<string> compiled = new();

    public IReadOnlyList<string> Compiled => [.. compiled];

    public string? AssemblyName { get => roslyn.AssemblyName; set => roslyn.AssemblyName = value; }

    public void ReferenceAssembly(Assembly assembly) => roslyn.ReferenceAssembly(assembly);

    public void ReferenceAssemblyContainingType<T>() => roslyn.ReferenceAssemblyContainingType<T>();

    public Assembly Generate(Action<ISourceWriter> write) => roslyn.Generate(write);

    public Assembly Generate(string code) => roslyn.Generate(code);

    public void Compile(GeneratedAssembly generatedAssembly, IServiceVariableSource? services = null) => Compile(generatedAssembly, services, out _);

    public void Compile(GeneratedAssembly generatedAssembly, IServiceVariableSource? services, out string code)
    {
        foreach (var type in generatedAssembly.GeneratedTypes)
            compiled.Enqueue(type.TypeName);
        roslyn.Compile(generatedAssembly, services, out code);
    }
}
