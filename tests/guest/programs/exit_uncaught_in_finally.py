# Ends with an exception raised in a finally block while another is propagating.
def cleanup():
    raise OSError("cleanup failed")
def work():
    try:
        print("working")
        raise ValueError("work failed")
    finally:
        print("cleaning up")
        cleanup()
work()
