package org.jkeras.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jkeras.backend.JKerasException;
import org.jkeras.backend.Shape;

/**
 * Anything that can be called on symbolic tensors and so owns nodes: the base of every layer and
 * model. It keeps the Keras 2 node API ({@code getOutputAt(i)} and friends), which Keras 3 dropped;
 * {@link #output()} and {@link #input()} refuse to guess on a layer called more than once.
 */
public abstract class Operation {
  private final List<Node> inboundNodes = new ArrayList<>();
  private final List<Node> outboundNodes = new ArrayList<>();

  /** The operation's unique name, for example {@code "lstm_1"}. */
  public abstract String name();

  /** The calls of this operation, in order: node i is the i-th call. */
  public List<Node> inboundNodes() {
    return Collections.unmodifiableList(inboundNodes);
  }

  /** The calls of other operations that consume this one's outputs. */
  public List<Node> outboundNodes() {
    return Collections.unmodifiableList(outboundNodes);
  }

  int addInboundNode(Node node) {
    inboundNodes.add(node);
    return inboundNodes.size() - 1;
  }

  void addOutboundNode(Node node) {
    outboundNodes.add(node);
  }

  /**
   * The number Keras 3 gives call {@code nodeIndex} in summaries and saved configs. Keras 3 counts
   * calls from 0; a functional model here also owns node 0 from its construction, so models
   * override this to shift by one.
   */
  public int kerasNodeIndex(int nodeIndex) {
    return nodeIndex;
  }

  // ---- the node API ---------------------------------------------------------------------------

  /** The output of call {@code nodeIndex}; see {@link #getOutputsAt} for calls with several. */
  public KerasTensor getOutputAt(int nodeIndex) {
    return single(nodeAt(nodeIndex, "output").outputs(), nodeIndex, "output", "getOutputsAt");
  }

  /** The input of call {@code nodeIndex}; see {@link #getInputsAt} for calls with several. */
  public KerasTensor getInputAt(int nodeIndex) {
    return single(nodeAt(nodeIndex, "input").inputs(), nodeIndex, "input", "getInputsAt");
  }

  /** All outputs of call {@code nodeIndex}. */
  public List<KerasTensor> getOutputsAt(int nodeIndex) {
    return nodeAt(nodeIndex, "output").outputs();
  }

  /** All inputs of call {@code nodeIndex}. */
  public List<KerasTensor> getInputsAt(int nodeIndex) {
    return nodeAt(nodeIndex, "input").inputs();
  }

  public Shape getOutputShapeAt(int nodeIndex) {
    return getOutputAt(nodeIndex).shape();
  }

  public Shape getInputShapeAt(int nodeIndex) {
    return getInputAt(nodeIndex).shape();
  }

  /** The output of the only call; throws when there were several calls or none. */
  public KerasTensor output() {
    return getOutputAt(soleNode("output", "getOutputAt"));
  }

  /** The input of the only call; throws when there were several calls or none. */
  public KerasTensor input() {
    return getInputAt(soleNode("input", "getInputAt"));
  }

  /** The input shape, defined while every call had the same input shape. */
  public Shape inputShape() {
    return commonShape("input", "getInputShapeAt", true);
  }

  /** The output shape, defined while every call had the same output shape. */
  public Shape outputShape() {
    return commonShape("output", "getOutputShapeAt", false);
  }

  private int soleNode(String what, String method) {
    if (inboundNodes.isEmpty()) {
      throw neverCalled(what);
    }
    if (inboundNodes.size() > 1) {
      throw new JKerasException("Layer " + name() + " has multiple inbound nodes, hence the notion"
          + " of \"layer " + what + "\" is ill-defined. Use " + method + "(nodeIndex) instead.");
    }
    return 0;
  }

  private Shape commonShape(String what, String method, boolean input) {
    if (inboundNodes.isEmpty()) {
      throw neverCalled(what + " shape");
    }
    Shape first = input ? getInputShapeAt(0) : getOutputShapeAt(0);
    for (int i = 1; i < inboundNodes.size(); i++) {
      Shape s = input ? getInputShapeAt(i) : getOutputShapeAt(i);
      if (!s.equals(first)) {
        throw new JKerasException("The layer " + name() + " has multiple inbound nodes, with"
            + " different " + what + " shapes. Hence the notion of \"" + what + " shape\" is"
            + " ill-defined for the layer. Use " + method + "(nodeIndex) instead.");
      }
    }
    return first;
  }

  private JKerasException neverCalled(String what) {
    return new JKerasException(
        "The layer " + name() + " has never been called and thus has no defined " + what + ".");
  }

  private Node nodeAt(int nodeIndex, String what) {
    if (nodeIndex < 0 || nodeIndex >= inboundNodes.size()) {
      if (inboundNodes.isEmpty()) {
        throw neverCalled(what);
      }
      throw new JKerasException("Asked to get the " + what + " at node " + nodeIndex
          + ", but the layer " + name() + " has only " + inboundNodes.size() + " inbound node"
          + (inboundNodes.size() == 1 ? "" : "s") + ".");
    }
    return inboundNodes.get(nodeIndex);
  }

  private KerasTensor single(List<KerasTensor> tensors, int nodeIndex, String what, String plural) {
    if (tensors.size() != 1) {
      throw new JKerasException("Call " + nodeIndex + " of layer " + name() + " has "
          + tensors.size() + " " + what + "s; use " + plural + "(" + nodeIndex + ") for all of"
          + " them.");
    }
    return tensors.get(0);
  }
}
