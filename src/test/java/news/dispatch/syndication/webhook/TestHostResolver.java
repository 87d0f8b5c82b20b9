package news.dispatch.syndication.webhook;

import io.quarkus.test.Mock;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The system resolver, except for the names a test points somewhere (a stand-in for DNS it controls). */
@Mock
public class TestHostResolver extends HostResolver {

    static final Map<String, String> NAMES = new ConcurrentHashMap<>();

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String address = NAMES.get(host);
        return address == null ? super.resolve(host) : new InetAddress[] {InetAddress.getByName(address)};
    }
}
