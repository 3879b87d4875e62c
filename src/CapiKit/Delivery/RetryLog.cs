using Microsoft.Extensions.Logging;
using Polly;

namespace CapiKit.Delivery;

/// <summary>One line per retry: the attempt, what failed (a status or the transport's cause, never the body) and the wait.</summary>
internal static partial class RetryLog
{
    [LoggerMessage(5, LogLevel.Warning, "Attempt {Attempt} failed ({Cause}); retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, int attempt, string cause, long delayMs);

    /// <summary>The HTTP status, or the innermost exception's message (hosts and ports, never the request).</summary>
    public static string Cause(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Result is { } response)
        {
            return $"HTTP {(int)response.StatusCode}";
        }

        return outcome.Exception is { } exception ? InnermostMessage(exception) : "no answer";
    }

    /// <summary>
    /// The innermost exception's message without its final dot ("Connection refused (127.0.0.1:5000)"): the cause
    /// of a transport failure, naming hosts and ports, never the request body.
    /// </summary>
    public static string InnermostMessage(Exception exception)
    {
        Exception innermost = exception;
        while (innermost.InnerException is { } inner)
        {
            innermost = inner;
        }

        return innermost.Message.TrimEnd('.');
    }
}
