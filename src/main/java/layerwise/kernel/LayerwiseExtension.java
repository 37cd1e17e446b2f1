package layerwise.kernel;

import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;

import layerwise.train.FitOptions;

/**
 * Registers Layerwise's renderers in any JJava kernel that finds this jar on its class path (through
 * {@code META-INF/services/org.dflib.jjava.jupyter.Extension}), so stock JJava users see the same tables
 * and charts as users of the Layerwise kernel, and every fit shows its progress and its loss chart in one
 * output that updates in place.
 */
public final class LayerwiseExtension implements Extension {
    @Override
    public void install(BaseKernel kernel) {
        Renderers.register(kernel.getRenderer());
        FitOptions.setDefaultDisplay(verbose -> FitDisplay.open(kernel.getIO().display, verbose));
    }
}
