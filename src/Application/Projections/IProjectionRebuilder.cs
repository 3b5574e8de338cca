using SecureMail.Domain.Common;

namespace SecureMail.Application.Projections;

/// <summary>Rebuilds one stored projection from the events while the service keeps writing through it.</summary>
public interface IProjectionRebuilder
{
    /// <summary>Why the named projection cannot be rebuilt online (unknown, or not stored), or null when it can.</summary>
    Rejection? WhyNotRebuildable(string name);

    /// <summary>Rebuilds it, reporting progress into its <see cref="ProjectionRebuild"/> document.</summary>
    Task RunAsync(string name, CancellationToken cancellation);
}
