using System.Reflection;
using System.Xml.Linq;
using NetArchTest.Rules;

namespace SecureMail.Architecture.Tests;

public class DependencyRulesTests
{
    private static readonly Assembly Domain = typeof(SecureMail.Domain.Common.Decision).Assembly;
    private static readonly Assembly Application = typeof(SecureMail.Application.StoreConfiguration).Assembly;

    [Fact]
    public void Domain_project_declares_no_package_and_no_project_reference()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Domain", "Domain.csproj"));

        Assert.Empty(project.Descendants("PackageReference"));
        Assert.Empty(project.Descendants("ProjectReference"));
        Assert.Empty(project.Descendants("FrameworkReference"));
    }

    [Fact]
    public void Domain_assembly_references_nothing_but_the_base_class_library()
    {
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.True(name is "netstandard" || name.StartsWith("System", StringComparison.Ordinal),
            $"The domain references {name}."));
    }

    [Theory]
    [InlineData("Marten")]
    [InlineData("Wolverine")]
    [InlineData("JasperFx")]
    [InlineData("MimeKit")]
    [InlineData("Org.BouncyCastle")]
    [InlineData("Microsoft.AspNetCore")]
    public void Domain_types_depend_on_no_framework(string framework)
    {
        var result = Types.InAssembly(Domain).ShouldNot().HaveDependencyOn(framework).GetResult();

        Assert.True(result.IsSuccessful, $"Domain types use {framework}: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Theory]
    [InlineData("MimeKit")]
    [InlineData("MailKit")]
    [InlineData("Org.BouncyCastle")]
    [InlineData("SecureMail.Infrastructure")]
    [InlineData("SecureMail.Api")]
    public void Application_does_not_depend_on_adapters(string dependency)
    {
        var result = Types.InAssembly(Application).ShouldNot().HaveDependencyOn(dependency).GetResult();

        Assert.True(result.IsSuccessful, $"Application types use {dependency}: {string.Join(", ", result.FailingTypeNames ?? [])}");
        Assert.DoesNotContain(Application.GetReferencedAssemblies(), a => a.Name!.StartsWith(dependency, StringComparison.Ordinal));
    }

    [Fact]
    public void Application_project_references_no_crypto_package()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Application", "Application.csproj"));
        var packages = project.Descendants("PackageReference").Select(p => (string)p.Attribute("Include")!).ToList();

        Assert.NotEmpty(packages);
        Assert.DoesNotContain(packages, p => p.StartsWith("MimeKit") || p.StartsWith("MailKit") || p.StartsWith("BouncyCastle"));
    }

    [Fact]
    public void The_dependency_check_sees_a_dependency_that_exists()
    {
        var result = Types.InAssembly(Application).ShouldNot().HaveDependencyOn("Marten").GetResult();

        Assert.False(result.IsSuccessful);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EventSourced.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("EventSourced.sln not found above the test folder.");
    }
}
