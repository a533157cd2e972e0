using Microsoft.Extensions.Options;

namespace CctvMask.Video.Ingest;

/// <summary>
/// Validates <see cref="IngestOptions"/> (source-generated from its DataAnnotations, plus its
/// <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/> rules). Register it with DI
/// for ValidateOnStart, or call <see cref="ThrowIfInvalid"/>.
/// </summary>
[OptionsValidator]
public sealed partial class IngestOptionsValidator : IValidateOptions<IngestOptions>
{
    /// <summary>Throws <see cref="OptionsValidationException"/> listing every problem.</summary>
    public static void ThrowIfInvalid(IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new IngestOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
            throw new OptionsValidationException(Options.DefaultName, typeof(IngestOptions), result.Failures ?? [result.FailureMessage]);
    }
}
