package dev.trackable.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on a loopback port in front of a service, which a test can cut (every connection closed, new ones
 * refused) and restore, to make an outage without touching the shared service.
 */
final class CuttableProxy implements AutoCloseable {

	private final String targetHost;

	private final int targetPort;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile ServerSocket server;

	private volatile boolean closed;

	CuttableProxy(String targetHost, int targetPort) throws IOException {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		this.server = listen(0);
	}

	int port() {
		return this.server.getLocalPort();
	}

	/** Closes every connection and stops accepting new ones: the service looks down. */
	synchronized void cut() throws IOException {
		this.server.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
		this.sockets.clear();
	}

	/** Accepts connections again, on the same port. */
	synchronized void restore() throws IOException {
		this.server = listen(port());
	}

	private ServerSocket listen(int port) throws IOException {
		ServerSocket server = new ServerSocket();
		server.setReuseAddress(true);
		server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
		Thread acceptor = new Thread(() -> accept(server), "proxy-accept-" + server.getLocalPort());
		acceptor.setDaemon(true);
		acceptor.start();
		return server;
	}

	private void accept(ServerSocket server) {
		while (!server.isClosed() && !this.closed) {
			try {
				Socket client = server.accept();
				Socket target = new Socket(this.targetHost, this.targetPort);
				if (!admit(server, client, target)) {
					closeQuietly(client);
					closeQuietly(target);
					continue;
				}
				pump(client, target);
				pump(target, client);
			}
			catch (IOException ex) {
				// the server socket was closed by cut() or close()
			}
		}
	}

	/**
	 * Registers a connection for {@link #cut()} unless a cut came between its accept and now: a connection accepted
	 * just before a cut would otherwise outlive it.
	 */
	private synchronized boolean admit(ServerSocket server, Socket client, Socket target) {
		if (server.isClosed()) {
			return false;
		}
		this.sockets.add(client);
		this.sockets.add(target);
		return true;
	}

	private void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[16 * 1024];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// one side closed
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "proxy-pump");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

	@Override
	public void close() throws IOException {
		this.closed = true;
		cut();
	}

}
