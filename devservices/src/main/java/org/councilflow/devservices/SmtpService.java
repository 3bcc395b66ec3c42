package org.councilflow.devservices;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/** A real SMTP server (GreenMail) on loopback that keeps every message it receives. */
public final class SmtpService {

    private GreenMail server;
    private int port;

    void start() {
        port = DevServices.freePort();
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public MimeMessage[] receivedMessages() {
        return server.getReceivedMessages();
    }

    /** The server goes away, as an SMTP server that is down: connections to its port are refused. */
    public synchronized void pause() {
        server.stop();
    }

    /** Back on the same port, with an empty mailbox. */
    public synchronized void resume() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    /** Forgets every message received so far (between tests). */
    public void reset() {
        server.reset();
    }
}
