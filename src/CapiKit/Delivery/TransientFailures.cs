using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CapiKit.Delivery;

/// <summary>
/// What the retry strategy retries: timeouts, HTTP 5xx and 429, network failures, and Graph errors the schema marks
/// retryable (1, 2, 4, 17, 341, 613, 80000-series throttles). Never validation errors (code 100 and its 2804xxx
/// subcodes): the same body would fail again. Retrying is safe because Meta deduplicates on <c>event_id</c>.
/// </summary>
internal static class TransientFailures
{
    public static async ValueTask<bool> ShouldRetry(RetryPredicateArguments<HttpResponseMessage> arguments)
    {
        if (arguments.Outcome.Exception is HttpRequestException or TimeoutRejectedException)
        {
            return true;
        }

        if (arguments.Outcome.Result is not { } response || response.IsSuccessStatusCode)
        {
            return false;
        }

        if (IsTransientStatus((int)response.StatusCode))
        {
            return true;
        }

        // Meta sends throttling and temporary errors as 4xx with a Graph code; the body decides.
        await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
        byte[] body = await response.Content.ReadAsByteArrayAsync(arguments.Context.CancellationToken).ConfigureAwait(false);
        return IsTransient((int)response.StatusCode, GraphError.TryParse(body));
    }

    /// <summary>Whether a failed answer is temporary: the same rule decides retrying and, after the last retry, the failure kind.</summary>
    public static bool IsTransient(int status, GraphError? error) => IsTransientStatus(status) || error?.IsTransient == true;

    private static bool IsTransientStatus(int status) => status >= 500 || status == (int)HttpStatusCode.TooManyRequests;
}
