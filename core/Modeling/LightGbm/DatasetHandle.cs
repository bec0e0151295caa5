using System.Runtime.InteropServices;

namespace MlRisk.Core.Modeling.LightGbm;

/// <summary>Owns a native LightGBM DatasetHandle; freed exactly once, also when the managed owner is never disposed.</summary>
internal sealed class DatasetHandle : SafeHandle
{
    public DatasetHandle() : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle() => NativeMethods.LGBM_DatasetFree(handle) == 0;
}
