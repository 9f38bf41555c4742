// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Writes files whole or not at all: to a temporary file in the same folder, then an atomic rename,
 * so a crash never leaves half a config. A file that holds a secret is owner-only from the moment
 * it exists (CERT FIO01-J), not chmod-ed afterwards.
 */
public final class SecureFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecureFiles() {
    }

    /**
     * Writes {@code content} to {@code target}. The folder must exist: a mistyped folder is the
     * caller's to report, not to create. Only a regular file (or a symbolic link, which is replaced,
     * never followed) is ever replaced: a device, a pipe, a socket or a folder at {@code target} is
     * refused with {@link NotARegularFileException}. The temporary file is opened once, exclusively,
     * with its final permissions, and written through that one handle: nothing reopens it by name,
     * which would follow a link swapped in by someone else who may write to the folder.
     *
     * @param ownerOnly the content holds a secret: 0600 on POSIX, an owner-only ACL on Windows
     * @param overwrite replace an existing file; otherwise an existing file is refused
     * @throws FileAlreadyExistsException when the file exists and {@code overwrite} is false
     * @throws NoSuchFileException naming the folder, when the folder does not exist
     * @throws NotARegularFileException when something other than a regular file or a link is there
     */
    public static void write(Path target, byte[] content, boolean ownerOnly, boolean overwrite) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString());
        }
        refuseAnythingButAFile(absolute);
        if (!overwrite && Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(absolute.toString());
        }
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        Path temp = dir.resolve("." + absolute.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        // Created with its final mode (the umask may only narrow it), so no chmod by name follows.
        FileAttribute<?>[] mode = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                        ownerOnly ? "rw-------" : "rw-r--r--"))}
                : new FileAttribute<?>[0];
        try {
            try (SeekableByteChannel channel = Files.newByteChannel(temp, options, mode)) {
                if (!posix && ownerOnly) {
                    restrictToOwner(temp);
                }
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                if (channel instanceof FileChannel file) {
                    file.force(true);
                }
            }
            refuseAnythingButAFile(absolute);
            move(temp, absolute, overwrite);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void refuseAnythingButAFile(Path path) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        if (!attributes.isRegularFile() && !attributes.isSymbolicLink()) {
            throw new NotARegularFileException(path.toString(), attributes.isDirectory());
        }
    }

    /** Something other than a regular file is at the path: a folder, device, pipe or socket. */
    public static final class NotARegularFileException extends FileSystemException {
        private static final long serialVersionUID = 1L;
        private final boolean folder;

        public NotARegularFileException(String file, boolean folder) {
            super(file, null, folder ? "is a folder" : "not a regular file");
            this.folder = folder;
        }

        public boolean isFolder() {
            return folder;
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
