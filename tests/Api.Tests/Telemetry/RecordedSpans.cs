using System.Collections.ObjectModel;
using System.Diagnostics;

namespace SecureMail.Api.Tests.Telemetry;

/// <summary>The spans the service's tracer exported, collected from many threads at once.</summary>
public sealed class RecordedSpans : Collection<Activity>
{
    private readonly Lock gate = new();

    protected override void InsertItem(int index, Activity item)
    {
        lock (gate)
            base.InsertItem(index, item);
    }

    public IReadOnlyList<Activity> Snapshot()
    {
        lock (gate)
            return [.. Items];
    }

    /// <summary>Everything a span says: its names, attributes, events, links' attributes and status.</summary>
    public static string Text(Activity span) => string.Join("\n",
        new[] { span.Source.Name, span.DisplayName, span.OperationName, span.StatusDescription ?? "" }
            .Concat(span.TagObjects.Select(t => $"{t.Key}={t.Value}"))
            .Concat(span.Events.SelectMany(e => new[] { e.Name }.Concat(e.Tags.Select(t => $"{t.Key}={t.Value}"))))
            .Concat(span.Baggage.Select(b => $"{b.Key}={b.Value}")));
}
