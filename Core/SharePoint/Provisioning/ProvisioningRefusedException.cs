namespace Integration.Core.SharePoint.Provisioning;

/// <summary>Graph refused a read or a write for lack of a permission; the message names the one missing.</summary>
public sealed class ProvisioningRefusedException(string message, Exception inner) : Exception(message, inner);
