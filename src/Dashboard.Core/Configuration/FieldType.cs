namespace Dashboard.Core.Configuration;

/// <summary>The input a configuration field needs.</summary>
public enum FieldType
{
    Integer,
    Number,
    Boolean,
    Text,
    Choice,
    Object,
    List,
}
