package layerwise.kernel;

import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;

import layerwise.train.FitOptions;

/**
 * Registers Layerwise's renderers in any JJava kernel that finds this jar on its class path (through
 * {@code META-INF/services/org.dflib.jjava.jupyter.Extension}), so stock JJava users see the same tables
 * and charts as users of the Layerwise kernel, and every fit draws its live loss chart.
 */
public final class LayerwiseExtension implements Extension {
    @Override
    public void install(BaseKernel kernel) {
        Renderers.register(kernel.getRenderer());
        FitOptions.addDefaultListener(() -> new LiveChart(kernel.getIO().display, kernel.getRenderer()));
    }
}
