package org.lectern.app.web;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The page for a request the container refuses before any of Lectern's code runs (a backslash or a
 * malformed escape in the path): the status and one plain sentence. Liberty's own page named the
 * class that refused it ({@code com.ibm.wsspi.webcontainer…}); this one names nothing inside the
 * server. Mapped in {@code web.xml} as the error page for exceptions that reach the container.
 */
@WebServlet(urlPatterns = "/.refused")
public class RefusedRequests extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer number && number >= 400 ? number : HttpServletResponse.SC_BAD_REQUEST;
        response.setStatus(code);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(code + " " + (code < 500 ? "This request cannot be served." : "Something went wrong.") + "\n");
    }
}
