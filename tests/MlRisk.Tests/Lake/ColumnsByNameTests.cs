using MlRisk.Core.Contracts;
using MlRisk.Core.Lake;

namespace MlRisk.Tests.Lake;

/// <summary>Both sides of a partition address columns by contract name and type, so code and contract cannot drift apart silently.</summary>
public sealed class ColumnsByNameTests
{
    [Fact]
    public void Columns_given_out_of_contract_order_are_stored_in_contract_order_byte_for_byte()
    {
        var rows = SampleRows.Labels().Take(1).ToList();
        Assert.Equal(PartitionEncoder.Encode(Datasets.LabelsDaily, rows), PartitionEncoder.Encode(new LabelsBackwards(), rows));
    }

    [Fact]
    public void A_column_encoded_as_another_type_than_the_contract_says_fails_naming_both()
    {
        var writer = new PartitionColumnsWriter(Datasets.LabelsDaily, rows: 1);
        var error = Assert.Throws<ArgumentException>(() => writer.Int64s("rv_5d", [1]));
        Assert.StartsWith("labels_daily.rv_5d is Double in the contract, not Int64", error.Message);
    }

    [Fact]
    public void A_column_the_contract_lacks_fails_the_encode()
    {
        var writer = new PartitionColumnsWriter(Datasets.LabelsDaily, rows: 1);
        var error = Assert.Throws<ArgumentException>(() => writer.Doubles("rv_5d_hat", [0.1]));
        Assert.StartsWith("labels_daily has no column rv_5d_hat", error.Message);
    }

    [Fact]
    public void A_contract_column_left_out_fails_the_encode_naming_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PartitionEncoder.Encode(new LabelsWithoutRv(), SampleRows.Labels()));
        Assert.Equal("labels_daily: column rv_5d was not encoded", error.Message);
    }

    [Fact]
    public void A_column_given_twice_or_of_the_wrong_length_fails_the_encode()
    {
        var writer = new PartitionColumnsWriter(Datasets.LabelsDaily, rows: 2);
        writer.Doubles("rv_5d", [0.1, 0.2]);
        Assert.StartsWith("labels_daily.rv_5d is encoded twice", Assert.Throws<ArgumentException>(() => writer.Doubles("rv_5d", [0.1, 0.2])).Message);
        Assert.StartsWith("labels_daily.date: 1 values for 2 rows", Assert.Throws<ArgumentException>(() => writer.Dates("date", [SampleRows.Day1])).Message);
    }

    [Fact]
    public async Task Decoding_a_column_as_another_type_than_the_contract_says_is_reported_not_misread()
    {
        using var lake = new TestLake();
        await lake.Writer.WriteAsync(Datasets.LabelsDaily, SampleRows.Labels(), default);

        var error = await Assert.ThrowsAsync<LakeValidationException>(() => lake.Reader.ReadAllAsync(new LabelsReadAsInt64(), default));

        Assert.All(error.Violations, v => Assert.Contains("labels_daily.rv_5d is Double in the contract, not Int64", v.Examples[0]));
    }

    /// <summary>labels_daily whose code gives its columns in reverse order.</summary>
    private sealed class LabelsBackwards : LabelsLike
    {
        internal override void Encode(PartitionColumnsWriter writer, IReadOnlyList<LabelRow> rows)
        {
            writer.Doubles("ret_5d", [.. rows.Select(r => r.Ret5d)]);
            writer.Doubles("rv_5d", [.. rows.Select(r => r.Rv5d)]);
            writer.Dates("date", [.. rows.Select(r => r.Date)]);
        }
    }

    private sealed class LabelsWithoutRv : LabelsLike
    {
        internal override void Encode(PartitionColumnsWriter writer, IReadOnlyList<LabelRow> rows) =>
            writer.Dates("date", [.. rows.Select(r => r.Date)]);
    }

    private sealed class LabelsReadAsInt64 : LabelsLike
    {
        internal override LabelRow[] Decode(PartitionColumnsReader reader) =>
            [.. reader.Dates("date").Zip(reader.Int64s("rv_5d"), (date, rv) => new LabelRow(date, rv, 0))];
    }

    /// <summary>labels_daily's contract and code, for variants that change one side.</summary>
    private abstract class LabelsLike : Dataset<LabelRow>
    {
        private static readonly LabelsDataset Labels = Datasets.LabelsDaily;

        public override string Name => Labels.Name;

        public override IReadOnlyList<ColumnSpec> Columns => Labels.Columns;

        public override DateOnly DateOf(LabelRow row) => Labels.DateOf(row);

        public override string KeyOf(LabelRow row) => Labels.KeyOf(row);

        internal override void Encode(PartitionColumnsWriter writer, IReadOnlyList<LabelRow> rows) => Labels.Encode(writer, rows);

        internal override LabelRow[] Decode(PartitionColumnsReader reader) => Labels.Decode(reader);

        internal override void CheckRow(LabelRow row, PartitionChecks checks) => Labels.CheckRow(row, checks);

        internal override string? Difference(LabelRow stored, LabelRow incoming) => Labels.Difference(stored, incoming);
    }
}
