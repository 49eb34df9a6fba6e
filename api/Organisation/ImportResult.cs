namespace HealthGrid.Api.Organisation;

/// <summary>What an import created, updated and refused; <see cref="Errors"/> give the line (1-based) and the field at fault.</summary>
public sealed record ImportResult(int AccountsCreated, int AccountsUpdated, int CustomersCreated, int CustomersUpdated, ImportError[] Errors);

public sealed record ImportError(int Line, string Field, string Message);
