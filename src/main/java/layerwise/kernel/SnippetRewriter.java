package layerwise.kernel;

import java.util.HashSet;
import java.util.Set;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites the bytecode of a snippet class before JShell loads it, so cell code cannot end or hang the
 * kernel: {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} become calls to
 * {@link CellGuard} that throw, and every backward jump (the end of each loop turn) first calls
 * {@link CellGuard#checkpoint()}, where an interrupted cell stops.
 * <p>
 * Neither edit changes the operand stack or adds a branch target, so the class's stack map frames stay
 * valid and no class has to be loaded to recompute them.
 */
final class SnippetRewriter {
    private static final String GUARD = CellGuard.class.getName().replace('.', '/');

    private SnippetRewriter() {}

    static byte[] rewrite(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new Guarded(super.visitMethod(access, name, descriptor, signature, exceptions));
            }
        }, 0);
        return writer.toByteArray();
    }

    /** One method: exits redirected, a checkpoint before each jump to a label already seen. */
    private static final class Guarded extends MethodVisitor {
        private final Set<Label> seen = new HashSet<>();

        Guarded(MethodVisitor next) { super(Opcodes.ASM9, next); }

        @Override
        public void visitLabel(Label label) {
            seen.add(label);
            super.visitLabel(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            if (seen.contains(label)) super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, "checkpoint", "()V", false);
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            String replacement = replacement(owner, name, descriptor);
            if (replacement == null) {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            } else {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, replacement, guardDescriptor(owner), false);
            }
        }

        /** {@code System::exit} as a method reference or lambda target is redirected too. */
        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            for (int i = 0; i < arguments.length; i++) {
                if (arguments[i] instanceof Handle h) {
                    String replacement = replacement(h.getOwner(), h.getName(), h.getDesc());
                    if (replacement != null) {
                        arguments[i] = new Handle(Opcodes.H_INVOKESTATIC, GUARD, replacement, guardDescriptor(h.getOwner()), false);
                    }
                }
            }
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
        }
    }

    /** The CellGuard method that replaces a call, or null for a call that stays. */
    private static String replacement(String owner, String name, String descriptor) {
        if (!descriptor.equals("(I)V")) return null;
        if (owner.equals("java/lang/System") && name.equals("exit")) return "exit";
        if (owner.equals("java/lang/Runtime") && (name.equals("exit") || name.equals("halt"))) return name;
        return null;
    }

    /** An instance call on Runtime becomes a static call that takes the Runtime as its first argument. */
    private static String guardDescriptor(String owner) {
        return owner.equals("java/lang/Runtime") ? "(Ljava/lang/Runtime;I)V" : "(I)V";
    }
}
