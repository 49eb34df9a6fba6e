using System.Globalization;
using System.Text;
using Npgsql;

namespace HealthGrid.Storage.Projections;

/// <summary>A WHERE clause built from the filters that are set, with positional parameters.</summary>
internal sealed class SqlFilter
{
    private readonly StringBuilder where = new(" WHERE true");
    private readonly List<NpgsqlParameter> parameters = [];

    public void Equal(string column, object? value) => Add(column, value, "{0} = ${1}");

    public void Contains(string column, string? value) => Add(column, value, "{0} @> ARRAY[${1}::text]");

    public async Task<(T[] Items, int Total)> PageAsync<T>(NpgsqlDataSource database, string table, string order, int offset, int limit, Func<string, T> read, CancellationToken cancellationToken)
    {
        await using var count = database.CreateCommand($"SELECT count(*) FROM {table}{where}");
        count.Parameters.AddRange(parameters.Select(p => p.Clone()).ToArray());
        var total = (int)(long)(await count.ExecuteScalarAsync(cancellationToken))!;
        await using var page = database.CreateCommand($"SELECT document::text FROM {table}{where} ORDER BY {order} LIMIT {limit} OFFSET {offset}");
        page.Parameters.AddRange(parameters.Select(p => p.Clone()).ToArray());
        var items = new List<T>();
        await using var reader = await page.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(read(reader.GetString(0)));
        }

        return ([.. items], total);
    }

    /// <summary>A condition over up to ten parameters, written <c>@0</c>, <c>@1</c>… in <paramref name="condition"/>.</summary>
    public void Where(string condition, params object[] values)
    {
        var sql = condition;
        for (var i = 0; i < values.Length; i++)
        {
            parameters.Add(new NpgsqlParameter { Value = values[i] });
            sql = sql.Replace($"@{i}", $"${parameters.Count}", StringComparison.Ordinal);
        }

        where.Append(" AND ").Append(sql);
    }

    private void Add(string column, object? value, string format)
    {
        if (value is null)
        {
            return;
        }

        parameters.Add(new NpgsqlParameter { Value = value });
        where.Append(" AND ").AppendFormat(CultureInfo.InvariantCulture, format, column, parameters.Count);
    }
}
