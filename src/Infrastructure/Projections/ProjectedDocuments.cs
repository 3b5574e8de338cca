using Marten.Schema;
using JasperFx;
using JasperFx.MultiTenancy;
using Marten.Storage.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace SecureMail.Infrastructure.Projections;

/// <summary>A single-stream projection's document table, written a batch at a time with the columns Marten's own
/// upsert writes for a projected document: the JSON, the stream's version as the numeric revision, the .NET type
/// and the transaction's time.</summary>
internal sealed class ProjectedDocuments
{
    private readonly string _table;
    private readonly string _dotNetType;

    private ProjectedDocuments(DocumentMapping mapping)
    {
        _table = mapping.TableName.QualifiedName;
        _dotNetType = mapping.DocumentType.FullName!;
    }

    /// <summary>Null when the table holds a column this writer does not fill as Marten would (soft deletes, tenants,
    /// duplicated fields, other metadata), so a rebuild is refused rather than writing documents Marten would not.</summary>
    public static ProjectedDocuments? For(DocumentMapping mapping)
    {
        var metadata = mapping.Metadata;
        // Marten adds the tenant, soft-delete and document-type columns by tenancy, delete style and subclasses, whatever
        // their metadata flags say.
        MetadataColumn[] unwritten = [metadata.CreatedAt, metadata.CausationId, metadata.CorrelationId, metadata.LastModifiedBy, metadata.Headers];
        var onlyWrittenColumns = mapping.UseNumericRevisions && metadata.LastModified.Enabled && metadata.DotNetType.Enabled
                                 && unwritten.All(c => !c.Enabled) && mapping.DuplicatedFields.Count == 0 && !mapping.SubClasses.Any()
                                 && mapping.TenancyStyle == TenancyStyle.Single && mapping.DeleteStyle == DeleteStyle.Remove;
        return onlyWrittenColumns ? new ProjectedDocuments(mapping) : null;
    }

    /// <summary>In one statement, writes the documents whose stored JSON is not the folded one (jsonb equality, so key
    /// order and spacing do not count) and deletes those whose stream no longer justifies one (null JSON). Answers
    /// the ids it wrote or deleted.</summary>
    public async Task<List<Guid>> WriteDifferingAsync(NpgsqlConnection connection, IReadOnlyList<FoldedDocument> documents,
        CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(
            $"""
             with folded as (select * from unnest(@ids, @documents, @versions) as f(id, data, version)),
             differing as (select f.* from folded f left join {_table} d on d.id = f.id where d.data is distinct from f.data),
             stored as (
               insert into {_table} (id, data, mt_version, mt_dotnet_type, mt_last_modified)
               select id, data, version, @type, transaction_timestamp() from differing where data is not null
               on conflict (id) do update set data = excluded.data, mt_version = excluded.mt_version,
                 mt_dotnet_type = excluded.mt_dotnet_type, mt_last_modified = excluded.mt_last_modified),
             removed as (delete from {_table} d using differing x where d.id = x.id and x.data is null)
             select id from differing
             """, connection);
        command.Parameters.AddWithValue("ids", documents.Select(d => d.Id).ToArray());
        command.Parameters.Add(new NpgsqlParameter("documents", NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { Value = documents.Select(d => d.Json).ToArray() });
        command.Parameters.AddWithValue("versions", documents.Select(d => d.StreamVersion).ToArray());
        command.Parameters.AddWithValue("type", _dotNetType);
        var written = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
            written.Add(reader.GetGuid(0));
        return written;
    }
}

/// <param name="Json">UTF-8, as Marten hands documents to PostgreSQL. Null when the stream holds no event the projection applies: the document must not exist.</param>
internal sealed record FoldedDocument(Guid Id, byte[]? Json, long StreamVersion);
