using System.Runtime.InteropServices;

namespace MlRisk.Core.Modeling.LightGbm;

/// <summary>
/// Owns a native LightGBM FastConfigHandle (parsed single-row prediction settings). Freeing it only deletes the
/// settings, never the booster it points at, so the two handles may be released in either order.
/// </summary>
internal sealed class FastConfigHandle : SafeHandle
{
    public FastConfigHandle() : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle() => NativeMethods.LGBM_FastConfigFree(handle) == 0;
}
