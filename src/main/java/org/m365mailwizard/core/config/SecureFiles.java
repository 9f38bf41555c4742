// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.config;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;

/**
 * Writes files whole or not at all: to a temporary file in the same folder, then an atomic rename,
 * so a crash never leaves half a config. A file that holds a secret is owner-only from the moment
 * it exists (CERT FIO01-J), not chmod-ed afterwards.
 */
public final class SecureFiles {

    private SecureFiles() {
    }

    /**
     * @param ownerOnly the content holds a secret: 0600 on POSIX, an owner-only ACL on Windows
     * @param overwrite replace an existing file; otherwise an existing file is refused
     * @throws FileAlreadyExistsException when the file exists and {@code overwrite} is false
     */
    public static void write(Path target, byte[] content, boolean ownerOnly, boolean overwrite) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        if (!overwrite && Files.exists(absolute)) {
            throw new FileAlreadyExistsException(absolute.toString());
        }
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        // createTempFile is owner-only on POSIX from creation; relaxed below only for files without secrets.
        Path temp = posix
                ? Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
        try {
            if (!posix && ownerOnly) {
                restrictToOwner(temp);
            }
            Files.write(temp, content);
            if (posix && !ownerOnly) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            move(temp, absolute, overwrite);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void move(Path temp, Path target, boolean overwrite) throws IOException {
        try {
            if (overwrite) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                // A link cannot replace an existing name, so a file created meanwhile is never clobbered.
                Files.createLink(target, temp);
            }
        } catch (AtomicMoveNotSupportedException | UnsupportedOperationException e) {
            Files.move(temp, target, overwrite ? new StandardCopyOption[] {StandardCopyOption.REPLACE_EXISTING}
                    : new StandardCopyOption[0]);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        AclFileAttributeView view = Files.getFileAttributeView(file, AclFileAttributeView.class);
        if (view == null) {
            return;
        }
        UserPrincipal owner = Files.getOwner(file);
        AclEntry entry = AclEntry.newBuilder()
                .setType(AclEntryType.ALLOW)
                .setPrincipal(owner)
                .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                .build();
        view.setAcl(List.of(entry));
    }
}
