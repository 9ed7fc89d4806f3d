using System.Globalization;

namespace Dashboard.Training.Data;

/// <summary>
/// Reads GTSRB's semicolon-separated annotation files (<c>GT-00000.csv</c> per training class,
/// <c>GT-final_test.csv</c> for the test set). The header must name the columns
/// <c>Filename;Width;Height;Roi.X1;Roi.Y1;Roi.X2;Roi.Y2;ClassId</c>, in any order. Every error is an
/// <see cref="InvalidDataException"/> whose message names the file and line.
/// </summary>
public static class GtsrbAnnotationFile
{
    public static IReadOnlyList<string> Columns { get; } = ["Filename", "Width", "Height", "Roi.X1", "Roi.Y1", "Roi.X2", "Roi.Y2", "ClassId"];

    public static List<GtsrbAnnotation> Read(string path)
    {
        string[] lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0].Trim().Length == 0)
        {
            throw new InvalidDataException($"{path} is empty; a GTSRB annotation file starts with the header {string.Join(';', Columns)}.");
        }

        int[] columnOf = MapColumns(path, lines[0]);
        var annotations = new List<GtsrbAnnotation>(lines.Length - 1);
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            annotations.Add(ParseRow(path, lines[i], line: i + 1, columnOf));
        }

        return annotations;
    }

    /// <summary>Returns, for each of <see cref="Columns"/>, its index in the header.</summary>
    private static int[] MapColumns(string path, string headerLine)
    {
        var header = headerLine.Split(';').Select(name => name.Trim()).ToList();
        var columnOf = new int[Columns.Count];
        for (int c = 0; c < Columns.Count; c++)
        {
            columnOf[c] = header.IndexOf(Columns[c]);
            if (columnOf[c] < 0)
            {
                string hint = Columns[c] == "ClassId"
                    ? " The test images archive's GT-final_test.test.csv has no classes; use GT-final_test.csv from the GTSRB_Final_Test_GT archive."
                    : string.Empty;
                throw new InvalidDataException(
                    $"{path} has no column {Columns[c]}; its header is \"{headerLine}\", expected {string.Join(';', Columns)}.{hint}");
            }
        }

        return columnOf;
    }

    private static GtsrbAnnotation ParseRow(string path, string text, int line, int[] columnOf)
    {
        string[] cells = text.Split(';');
        string Cell(int column) => columnOf[column] < cells.Length
            ? cells[columnOf[column]].Trim()
            : throw new InvalidDataException($"{path} line {line} has {cells.Length} fields; the header names {Columns[column]} in field {columnOf[column] + 1}.");

        int Number(int column)
        {
            string cell = Cell(column);
            return int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
                ? value
                : throw new InvalidDataException($"{path} line {line}: {Columns[column]} is \"{cell}\", expected a whole number of at least 0.");
        }

        string fileName = Cell(0);
        if (fileName.Length == 0 || fileName != Path.GetFileName(fileName))
        {
            throw new InvalidDataException($"{path} line {line}: Filename \"{fileName}\" must be a file name without folders.");
        }

        var annotation = new GtsrbAnnotation(fileName, Number(1), Number(2), Number(3), Number(4), Number(5), Number(6), Number(7), line);
        if (annotation.RoiX1 >= annotation.RoiX2 || annotation.RoiY1 >= annotation.RoiY2
            || annotation.RoiX2 > annotation.Width || annotation.RoiY2 > annotation.Height)
        {
            throw new InvalidDataException(
                $"{path} line {line}: the region of interest ({annotation.RoiX1},{annotation.RoiY1})-({annotation.RoiX2},{annotation.RoiY2}) "
                + $"is empty or outside the {annotation.Width}x{annotation.Height} image.");
        }

        return annotation;
    }
}
