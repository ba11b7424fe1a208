using System.Text;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;
using SkillHub.Functions.Infrastructure.Documents;

namespace SkillHub.Functions.Backups;

/// <summary>
/// The one byte format of every document collection's backup, from MongoDB and from memory alike:
/// a UTF-8 JSON array (no byte order mark) of relaxed Extended JSON v2 documents, one per line,
/// each written by MongoDB.Bson's <see cref="JsonWriter"/> (relaxed mode) from the store's own BSON document class.
/// UUIDs come out as <c>{ "$uuid" : "..." }</c>, dates as
/// <c>{ "$date" : "...Z" }</c>. <c>mongoimport --jsonArray</c> reads it, and so does <see cref="ReadAsync{TDocument}"/>.
/// An empty collection is <c>[]</c>.
/// </summary>
internal static class ExtendedJsonArray
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly JsonWriterSettings Relaxed = new() { OutputMode = JsonOutputMode.RelaxedExtendedJson };

    /// <summary>Writes the documents, in the order given, as one array; returns how many. Leaves <paramref name="destination"/> open.</summary>
    public static async Task<long> WriteAsync<TDocument>(Stream destination, IAsyncEnumerable<TDocument> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(documents);
        DocumentSerialization.Ensure();
        await using var writer = new StreamWriter(destination, Utf8, bufferSize: 64 * 1024, leaveOpen: true);
        long count = 0;
        await writer.WriteAsync("[".AsMemory(), cancellationToken);
        await foreach (var document in documents.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync((count == 0 ? "\n" : ",\n").AsMemory(), cancellationToken);
            await writer.WriteAsync(ToJson(document).AsMemory(), cancellationToken);
            count++;
        }

        await writer.WriteAsync((count == 0 ? "]" : "\n]").AsMemory(), cancellationToken);
        await writer.FlushAsync(cancellationToken);
        return count;
    }

    /// <summary>One document in relaxed Extended JSON, as the backup file holds it.</summary>
    private static string ToJson<TDocument>(TDocument document)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using (var json = new UuidJsonWriter(text, Relaxed))
        {
            BsonSerializer.Serialize(json, document);
        }

        return text.ToString();
    }

    /// <summary>
    /// Reads a whole array of documents (canonical or relaxed Extended JSON, as <c>mongoexport --jsonArray</c>
    /// writes it too); every document is parsed before this returns, so a malformed file changes nothing.
    /// </summary>
    public static async Task<List<TDocument>> ReadAsync<TDocument>(Stream source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        DocumentSerialization.Ensure();
        string text;
        using (var reader = new StreamReader(source, Utf8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true))
        {
            text = await reader.ReadToEndAsync(cancellationToken);
        }

        try
        {
            using var json = new JsonReader(text);
            var documents = new List<TDocument>();
            json.ReadStartArray();
            while (json.ReadBsonType() != BsonType.EndOfDocument)
            {
                cancellationToken.ThrowIfCancellationRequested();
                documents.Add(BsonSerializer.Deserialize<TDocument>(json));
            }

            json.ReadEndArray();
            if (!json.IsAtEndOfFile())
            {
                throw new FormatException("Text follows the array.");
            }

            return documents;
        }
        catch (Exception exception) when (exception is FormatException or BsonSerializationException or InvalidOperationException)
        {
            throw new InvalidDataException($"Not an Extended JSON array of {typeof(TDocument).Name}: {exception.Message}", exception);
        }
    }

    /// <summary>A list as an async sequence, for the in-memory stores' already-materialized documents.</summary>
    public static async IAsyncEnumerable<T> AsAsync<T>(IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            yield return item;
        }

        await Task.CompletedTask;
    }

    /// <summary>
    /// The driver's 3.x <see cref="JsonWriter.WriteGuid(Guid, GuidRepresentation)"/>, which the
    /// <c>GuidSerializer</c> calls, writes the shell's <c>UUID("...")</c> in every output mode, relaxed
    /// included: not JSON, and not what <c>mongoimport</c> reads. Here a standard UUID is written as
    /// Extended JSON v2's <c>{ "$uuid" : "0195a3b2-..." }</c>, the same hyphenated text as the uuid
    /// columns of postgres.sql so that a person can match them by eye; <c>mongoimport</c> (the Go
    /// driver's <c>bson.UnmarshalExtJSON</c>) and the C# driver's <see cref="JsonReader"/> both read it
    /// as binary subtype 4. Any other representation keeps <c>$binary</c>.
    /// </summary>
    private sealed class UuidJsonWriter(TextWriter writer, JsonWriterSettings settings) : JsonWriter(writer, settings)
    {
        public override void WriteGuid(Guid value, GuidRepresentation guidRepresentation)
        {
            if (guidRepresentation != GuidRepresentation.Standard)
            {
                WriteBinaryData(new BsonBinaryData(value, guidRepresentation));
                return;
            }

            WriteStartDocument();
            WriteName("$uuid");
            WriteString(value.ToString("D"));
            WriteEndDocument();
        }
    }
}
