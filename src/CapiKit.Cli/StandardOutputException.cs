namespace CapiKit.Cli;

/// <summary>
/// Standard output could not be written (a full disk, a closed file). Raised where buffered output is flushed,
/// which may be inside a read of standard input, so that it is not taken for an input failure.
/// </summary>
internal sealed class StandardOutputException(IOException inner) : IOException($"cannot write standard output: {inner.Message}", inner);
