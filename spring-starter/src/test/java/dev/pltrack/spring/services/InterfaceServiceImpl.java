package dev.pltrack.spring.services;

/** Carries no annotation itself: they are all on {@link InterfaceService}. */
public class InterfaceServiceImpl implements InterfaceService {

    @Override
    public ChatAnswer answer(long requestId, String user) {
        return new ChatAnswer(requestId, "hi " + user);
    }
}
